package snapshot

import (
	"io/fs"
	"syscall"
)

// changeStamp is a file's change time and inode, when the system says.
func changeStamp(fi fs.FileInfo) (ctime int64, ino uint64, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return st.Ctim.Nano(), st.Ino, true
}
