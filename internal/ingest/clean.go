package ingest

import (
	"regexp"
	"strings"
	"unicode"
)

// furniture matches whole lines that are page furniture, not reporting.
var furniture = regexp.MustCompile(`(?i)^(` +
	`exit mobile version|skip to (main )?content|share( this( article| story)?)?( on \w+)?|` +
	`(share|follow us|find us) on (facebook|twitter|x|whatsapp|linkedin|telegram|instagram)|` +
	`facebook|twitter|whatsapp|linkedin|telegram|email|print|pinterest|reddit|copy link|` +
	`tweet|share via email|click to share.*|click to print.*|click to email.*|` +
	`(sign up|subscribe)( now| today)?( to| for).*|subscribe( now)?|sign in|log ?in|register|` +
	`advertisement|sponsored( content)?|read more:?|read also:?|also read:?|related:?|related (articles|stories|news|posts):?|` +
	`more from .*|recommended( for you)?|trending( now)?|most (read|popular|viewed)|` +
	`(this|our) (site|website) uses cookies.*|we use cookies.*|.*accept (all )?cookies.*|cookie (policy|settings|preferences)|` +
	`privacy policy|terms (of (use|service)|and conditions)|all rights reserved.*|© .*|copyright ©?.*|\(c\) \d{4}.*|` +
	`home|news|world|politics|business|sports?|opinion|entertainment|lifestyle|videos?|photos?|menu|search|` +
	`(previous|next) (article|post|story)|back to top|comments?( \(\d+\))?|leave a (comment|reply)|` +
	`loading\.*|please enable javascript.*|you may also like|don'?t miss|breaking news|listen to (this )?article.*|` +
	`\d+ min(ute)?s? read|updated:? .{0,40}|published:? .{0,40}|posted:? .{0,40}|by [A-Z][\w.\- ]{0,40}|` +
	`(by )?staff reporter|photo: .*|image: .*|file photo.*|getty images.*|reuters/.*|ap photo.*` +
	`)\s*$`)

// CleanText drops page-furniture lines (share buttons, "Exit mobile
// version", cookie and subscribe prompts, bylines, menu items) and lines
// made only of symbols, and normalises spaces inside each line.
func CleanText(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			out = append(out, "")
			continue
		}
		if isFurniture(t) {
			continue
		}
		out = append(out, strings.TrimRight(l, " \t\r"))
	}
	// Collapse runs of blank lines.
	var b strings.Builder
	blank := 0
	for _, l := range out {
		if l == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(l)
	}
	return b.String()
}

func isFurniture(t string) bool {
	if len(t) > 160 {
		return false
	}
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters == 0 {
		return true
	}
	// A line of menu items separated by bars or bullets.
	if strings.Count(t, "|")+strings.Count(t, "•")+strings.Count(t, "·") >= 2 && !strings.ContainsAny(t, ".!?") {
		return true
	}
	return furniture.MatchString(t)
}
