// Command annals codes political events in news text: who did what to
// whom, when and where, in CAMEO with PLOVER types, with the sentence that
// proves each event.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit codes.
const (
	exitOK      = 0 // everything read and coded
	exitSkipped = 1 // some inputs were skipped (reported on stderr), or a check found problems
	exitUsage   = 2 // bad command line
	exitFatal   = 3 // could not start: dictionaries, models or output failed
)

type command struct {
	name, summary string
	run           func(args []string, stdout, stderr io.Writer, stdin io.Reader) int
}

var commands []command

func init() {
	commands = []command{
		{"demo", "build a database from the bundled sample corpus and open the dashboard (start here)", cmdDemo},
		{"code", "code events in articles and print them as JSON lines", cmdCode},
		{"actors", "print the actor mentions of a text, or the unknown names of a corpus", cmdActors},
		{"ingest", "code articles and store them in a database, skipping those already stored", cmdIngest},
		{"recode", "re-code stored documents after a dictionary change and report what changed", cmdRecode},
		{"query", "query stored events with filters, as a table, JSON lines or CSV", cmdQuery},
		{"export", "export stored events as GDELT, PLOVER, CSV, JSON lines or Parquet", cmdExport},
		{"worker", "consume a NATS JetStream work queue, coding and storing each document", cmdWorker},
		{"queue", "queue replay: queue a work queue's dead letters again", cmdQueue},
		{"status", "report a work queue's depth, its workers, throughput and failures", cmdStatus},
		{"serve", "serve the JSON API and the dashboard over a database", cmdServe},
		{"places", "print the place mentions of a text with their resolution and runners-up", cmdPlaces},
		{"parse", "print the syntax analysis of a text as CoNLL-U (tags, lemmas, dependency tree)", cmdParse},
		{"explain", "show how a sentence is coded: tokens, actors, triggers, decisions", cmdExplain},
		{"eval", "score the coder against a gold development set", cmdEval},
		{"dict", "check the actor dictionaries and event lexicon (dict check)", cmdDict},
		{"version", "print the version", cmdVersion},
	}
}

const usage = `annals turns news reports into political event data: who did what to
whom, when and where, coded in CAMEO and PLOVER, with the evidence.

Usage:
  annals <command> [flags] [arguments]

Commands:
%s
Run 'annals <command> --help' for a command's flags and examples.

Exit status: 0 success; 1 some inputs were skipped or a check failed;
2 bad command line; 3 could not start.
`

func mainUsage(w io.Writer) {
	var b strings.Builder
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, usage, b.String())
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Stdin))
}

func run(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	if len(args) == 0 {
		mainUsage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		mainUsage(stdout)
		return exitOK
	case "--version", "-version":
		return cmdVersion(nil, stdout, stderr, stdin)
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr, stdin)
		}
	}
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	sort.Strings(names)
	fmt.Fprintf(stderr, "annals: unknown command %q (commands: %s)\n", args[0], strings.Join(names, ", "))
	return exitUsage
}

// newFlags makes a flag set whose --help prints the command's usage and
// examples.
func newFlags(name, synopsis, examples string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: annals %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
		if examples != "" {
			fmt.Fprintf(fs.Output(), "\nExamples:\n%s", examples)
		}
	}
	return fs
}

// parse parses flags; ok is false with an exit code when parsing ended the
// command (help or error).
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) (int, bool) {
	if wantsHelp(args) {
		// Asked-for help goes to stdout, once, and is not an error.
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK, false
	}
	if err := parseInterleaved(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

// parseInterleaved parses flags wherever they stand among the arguments
// ("ingest corpus.jsonl --db x"): the flag package stops at the first
// argument that is not a flag, so the rest is parsed again, argument by
// argument. "-" is an argument (standard input); after "--" everything is.
// fs.Args() then returns the arguments in their order.
func parseInterleaved(fs *flag.FlagSet, args []string) error {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			pos = append(pos, rest...) // the flag package consumed a "--"
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	return fs.Parse(append([]string{"--"}, pos...))
}

// wantsHelp reports whether a help flag stands among the arguments,
// before any "--".
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "-h", "--h", "-help", "--help":
			return true
		case "--":
			return false
		}
	}
	return false
}
