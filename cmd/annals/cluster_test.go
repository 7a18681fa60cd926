package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/annals-events/annals/internal/queue"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/storetest"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestMain lets the test binary run as a NATS node in a child process
// (ANNALS_TEST_NATS_NODE set), so a cluster test can kill -9 a node.
func TestMain(m *testing.M) {
	if spec := os.Getenv("ANNALS_TEST_NATS_NODE"); spec != "" {
		natsNode(spec)
		return
	}
	os.Exit(m.Run())
}

// natsNode runs one JetStream server from its spec (name, client port,
// cluster port, store folder, routes) until it is killed.
func natsNode(spec string) {
	f := strings.SplitN(spec, "|", 5)
	client, _ := strconv.Atoi(f[1])
	cluster, _ := strconv.Atoi(f[2])
	s, err := server.NewServer(&server.Options{ServerName: f[0], Host: "127.0.0.1", Port: client, JetStream: true,
		StoreDir: f[3], NoSigs: true, Cluster: server.ClusterOpts{Name: "annals", Host: "127.0.0.1", Port: cluster},
		Routes: server.RoutesFromStr(f[4])})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	s.ConfigureLogger()
	s.Start()
	s.WaitForShutdown()
}

// natsProc is a NATS server in a child process.
type natsProc struct {
	name string
	cmd  *exec.Cmd
}

// startCluster starts three JetStream servers, each in its own process,
// routed to each other on loopback ports, and returns them with the
// client URLs.
func startCluster(t *testing.T) ([]*natsProc, string) {
	var client, cluster []int
	for i := 0; i < 3; i++ {
		client, cluster = append(client, freePort(t)), append(cluster, freePort(t))
	}
	var routes []string
	for _, p := range cluster {
		routes = append(routes, fmt.Sprintf("nats://127.0.0.1:%d", p))
	}
	var nodes []*natsProc
	var urls []string
	logs := t.TempDir()
	for i := 0; i < 3; i++ {
		name := fmt.Sprintf("n%d", i+1)
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), fmt.Sprintf("ANNALS_TEST_NATS_NODE=%s|%d|%d|%s|%s", name, client[i], cluster[i], t.TempDir(), strings.Join(routes, ",")))
		f, _ := os.Create(filepath.Join(logs, name+".log"))
		cmd.Stdout, cmd.Stderr = f, f
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		nodes = append(nodes, &natsProc{name: name, cmd: cmd})
		urls = append(urls, fmt.Sprintf("nats://127.0.0.1:%d", client[i]))
	}
	for _, u := range urls {
		deadline := time.Now().Add(60 * time.Second) // a node that starts under a loaded CI machine
		for {
			nc, err := nats.Connect(u, nats.Timeout(time.Second))
			if err == nil {
				nc.Close()
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("nats server %s not ready: %v", u, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	// wait for the JetStream meta leader
	nc, err := nats.Connect(strings.Join(urls, ","))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	deadline := time.Now().Add(60 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_, err := js.AccountInfo(ctx)
		cancel()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			var b strings.Builder
			for _, n := range nodes {
				log, _ := os.ReadFile(filepath.Join(logs, n.name+".log"))
				fmt.Fprintf(&b, "%s.log:\n%s\n", n.name, log)
			}
			t.Fatalf("no JetStream leader: %v\n%s", err, b.String())
		}
		time.Sleep(300 * time.Millisecond)
	}
	return nodes, strings.Join(urls, ",")
}

// streamLeader names the node that leads the work queue's stream.
func streamLeader(t *testing.T, urls string) string {
	nc, err := nats.Connect(urls)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := js.Stream(ctx, queue.Stream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil || info.Cluster == nil {
		t.Fatalf("stream %s: no cluster info: %v", queue.Stream, err)
	}
	return info.Cluster.Leader
}

func countDocs(t *testing.T, db *store.DB) int {
	var n int
	db.SQL().QueryRow(`SELECT COUNT(*) FROM documents`).Scan(&n)
	return n
}

// eventSet lists the stored events by their content, order-free.
func eventSet(t *testing.T, db *store.DB) []string {
	rows, err := db.SQL().Query(`SELECT source, target, code, mode, event_date, num_articles, num_mentions FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a, b, c, m, d string
		var na, nm int
		rows.Scan(&a, &b, &c, &m, &d, &na, &nm)
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s|%d|%d", a, b, c, m, d, na, nm))
	}
	sort.Strings(out)
	return out
}

// TestClusterWorkers runs three worker processes against a three-node
// JetStream cluster and PostgreSQL, kill -9s one worker and the NATS node
// leading the stream mid-run, and checks every document is stored exactly once and the events
// equal a single-process run over the same corpus.
func TestClusterWorkers(t *testing.T) {
	dsn := storetest.PostgresURL(t)
	if dsn == "" {
		t.Skip("no PostgreSQL test server ($ANNALS_TEST_POSTGRES)")
	}
	bin := buildBinary(t)
	nodes, urls := startCluster(t)
	const docs = 300
	in := writeCorpus(t, docs)
	if out, err := exec.Command(bin, "ingest", "--queue", urls, "--replicas", "3", in).CombinedOutput(); err != nil {
		t.Fatalf("publish: %v\n%s", err, out)
	}
	db, err := store.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var workers []*exec.Cmd
	logs := t.TempDir()
	for i := 0; i < 3; i++ {
		cmd := exec.Command(bin, "worker", "--queue", urls, "--db", dsn, "--replicas", "3", "--id", fmt.Sprintf("w%d", i+1),
			"--metrics-addr", "", "--ack-wait", "5s", "--batch", "4")
		f, _ := os.Create(filepath.Join(logs, fmt.Sprintf("w%d.log", i+1)))
		cmd.Stdout, cmd.Stderr = f, f
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		workers = append(workers, cmd)
	}
	defer func() {
		for _, w := range workers {
			w.Process.Kill()
			w.Wait()
		}
	}()
	// mid-run: kill a worker and a NATS node
	deadline := time.Now().Add(3 * time.Minute)
	for countDocs(t, db) < docs/4 {
		if time.Now().After(deadline) {
			t.Fatalf("workers stored only %d documents", countDocs(t, db))
		}
		time.Sleep(100 * time.Millisecond)
	}
	leader := streamLeader(t, urls)
	workers[0].Process.Kill() // SIGKILL
	for _, n := range nodes {
		if n.name == leader {
			n.cmd.Process.Kill()
		}
	}
	t.Logf("killed (-9) worker w1 and NATS node %s, the stream leader, after %d documents", leader, countDocs(t, db))
	for countDocs(t, db) < docs {
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(filepath.Join(logs, "w2.log"))
			t.Fatalf("only %d of %d documents stored after failover\nw2.log:\n%s", countDocs(t, db), docs, b)
		}
		time.Sleep(200 * time.Millisecond)
	}
	// messages the killed worker held come back after the ack wait; the
	// surviving workers find them stored and acknowledge them: wait for an
	// empty queue, then stop the workers gracefully
	for {
		out, err := exec.Command(bin, "status", "--queue", urls, "--json").Output()
		var st struct {
			Pending uint64 `json:"pending"`
		}
		if err == nil && json.Unmarshal(out, &st) == nil && st.Pending == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the queue did not drain: %s", out)
		}
		time.Sleep(500 * time.Millisecond)
	}
	for _, w := range workers[1:] {
		w.Process.Signal(syscall.SIGTERM)
		w.Wait()
	}
	// exactly once, nothing half-written
	checkIntegrity(t, dsn, docs)
	// the same events as one process coding the corpus alone
	single := filepath.Join(t.TempDir(), "single.db")
	if out, err := exec.Command(bin, "ingest", "--db", single, in).CombinedOutput(); err != nil {
		t.Fatalf("single-process ingest: %v\n%s", err, out)
	}
	sdb, err := store.Open(single)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	a, b := eventSet(t, db), eventSet(t, sdb)
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("distributed run has %d events, single process %d; they differ", len(a), len(b))
		for i := 0; i < len(a) && i < len(b); i++ {
			if a[i] != b[i] {
				t.Errorf("first difference: %s vs %s", a[i], b[i])
				break
			}
		}
	}
	// status sees the drained queue and the workers
	out, err := exec.Command(bin, "status", "--queue", urls).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "0 documents waiting") || !strings.Contains(string(out), "w2") {
		t.Errorf("status: %v\n%s", err, out)
	}
}
