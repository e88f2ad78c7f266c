package corpus

import (
	"embed"
	"io/fs"
)

//go:embed *.txt
var embedded embed.FS

// Embedded returns the documents shipped with the bot.
func Embedded() fs.FS { return embedded }
