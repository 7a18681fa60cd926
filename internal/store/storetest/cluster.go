package storetest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"testing"
)

// Server is a private PostgreSQL server in a temporary folder, for tests
// that stop and start it under load (an outage). It is started with
// initdb and pg_ctl from /usr/lib/postgresql/*/bin, as the postgres user
// when the test runs as root.
type Server struct {
	URL  string // postgres://annals@127.0.0.1:PORT/postgres
	Port int
	bin  string
	dir  string
	cred *syscall.Credential
}

// PrivatePostgres starts a private server and stops it when the test
// ends. It skips the test when the PostgreSQL binaries are missing.
func PrivatePostgres(t testing.TB) *Server {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	if len(bins) == 0 {
		t.Skip("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin")
	}
	sort.Strings(bins)
	s := &Server{bin: filepath.Dir(bins[len(bins)-1])}
	dir, err := os.MkdirTemp("", "annals-pg-")
	if err != nil {
		t.Fatal(err)
	}
	s.dir = dir
	t.Cleanup(func() { os.RemoveAll(dir) })
	if os.Geteuid() == 0 {
		// initdb refuses to run as root
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Skip("running as root and there is no postgres user to run the server")
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		os.Chmod(dir, 0o755)
		os.Chown(dir, uid, gid)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	s.URL = fmt.Sprintf("postgres://annals@127.0.0.1:%d/postgres?sslmode=disable", s.Port)
	s.run(t, "initdb", "-D", s.data(), "-U", "annals", "--auth=trust", "-E", "UTF8", "--no-sync")
	s.Start(t)
	t.Cleanup(func() { s.pgctl("stop", "-m", "immediate") })
	return s
}

func (s *Server) data() string { return filepath.Join(s.dir, "data") }

func (s *Server) cmd(name string, args ...string) *exec.Cmd {
	c := exec.Command(filepath.Join(s.bin, name), args...)
	if s.cred != nil {
		c.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	}
	return c
}

func (s *Server) run(t testing.TB, name string, args ...string) {
	t.Helper()
	if out, err := s.cmd(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

func (s *Server) pgctl(args ...string) ([]byte, error) {
	args = append([]string{"-D", s.data(), "-w", "-t", "60"}, args...)
	return s.cmd("pg_ctl", args...).CombinedOutput()
}

// Start starts the server and waits until it accepts connections.
func (s *Server) Start(t testing.TB) {
	t.Helper()
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100", s.Port, s.dir)
	if out, err := s.pgctl("start", "-l", filepath.Join(s.dir, "log"), "-o", opts); err != nil {
		log, _ := os.ReadFile(filepath.Join(s.dir, "log"))
		t.Fatalf("start PostgreSQL on port %d: %v\n%s\n%s", s.Port, err, out, log)
	}
}

// Stop stops the server at once (fast shutdown: sessions are ended, as
// when an operator restarts it).
func (s *Server) Stop(t testing.TB) {
	t.Helper()
	if out, err := s.pgctl("stop", "-m", "fast"); err != nil {
		t.Fatalf("stop PostgreSQL on port %d: %v\n%s", s.Port, err, out)
	}
}
