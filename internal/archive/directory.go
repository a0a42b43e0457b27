package archive

import (
	"bytes"
	"encoding/binary"
	"io"
)

// The records at a zip archive's end that count its entries (APPNOTE.TXT
// 4.3.14 to 4.3.16).
const (
	endSignature      = "PK\x05\x06"
	endLen            = 22
	end64LocSignature = "PK\x06\x07"
	end64LocLen       = 20
	end64Signature    = "PK\x06\x06"
	end64Len          = 56
	maxCommentLen     = 1<<16 - 1
)

// declaredEntries returns how many entries the end of the zip archive in r,
// of size bytes, declares, so that an archive declaring millions is refused
// before archive/zip allocates a header for each. It reports false when it
// finds no end record; archive/zip then says what is wrong.
func declaredEntries(r io.ReaderAt, size int64) (uint64, bool) {
	tail := min(size, endLen+maxCommentLen)
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && err != io.EOF {
		return 0, false
	}
	i := bytes.LastIndex(buf, []byte(endSignature))
	if i < 0 || len(buf)-i < endLen {
		return 0, false
	}
	count := uint64(binary.LittleEndian.Uint16(buf[i+10:]))
	if count != 0xffff {
		return count, true
	}
	// A zip64 archive: its locator lies just before the end record, and
	// points at the zip64 end record, which holds the real count.
	at := size - tail + int64(i) - end64LocLen
	if at < 0 {
		return count, true
	}
	var loc [end64LocLen]byte
	if _, err := r.ReadAt(loc[:], at); err != nil || string(loc[:4]) != end64LocSignature {
		return count, true
	}
	end64 := binary.LittleEndian.Uint64(loc[8:])
	var rec [end64Len]byte
	if end64 > uint64(size-end64Len) {
		return count, true
	}
	if _, err := r.ReadAt(rec[:], int64(end64)); err != nil || string(rec[:4]) != end64Signature {
		return count, true
	}
	return binary.LittleEndian.Uint64(rec[32:]), true
}
