package web

import (
	"embed"
	"io/fs"
)

//go:embed index.html app.js style.css vendor
var files embed.FS

// FS returns the dashboard's files.
func FS() fs.FS { return files }
