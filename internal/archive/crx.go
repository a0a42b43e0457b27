package archive

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Format is the kind of a packed extension.
type Format uint8

// The formats.
const (
	Zip  Format = iota + 1
	CRX2        // Chrome's first signed format: a public key and a signature
	CRX3        // Chrome's signed format since Chrome 64: a protobuf header
)

func (f Format) String() string {
	switch f {
	case Zip:
		return "zip"
	case CRX2:
		return "CRX2"
	case CRX3:
		return "CRX3"
	}
	return fmt.Sprintf("Format(%d)", uint8(f))
}

// crxMagic starts every .crx (Chromium's components/crx_file).
const crxMagic = "Cr24"

// The largest public key and signature Chromium's CRX2 reader accepts
// (kMaxPublicKeySize and kMaxSignatureSize in crx_verifier.cc).
const (
	maxCRX2Key       = 1 << 16
	maxCRX2Signature = 1 << 16
)

// errCRXHeader wraps what is wrong with a .crx header.
var errCRXHeader = errors.New("is a .crx whose header is broken")

// zipOffset returns where the zip archive starts in r, a file of size
// bytes, and its format: after the header of a .crx, which it skips
// without checking the signature, or at 0 for a plain zip.
//
//	CRX3: "Cr24", version 3, header size, CrxFileHeader (protobuf), zip
//	CRX2: "Cr24", version 2, key size, signature size, key, signature, zip
//
// All numbers are little-endian uint32.
func zipOffset(r io.ReaderAt, size int64) (int64, Format, error) {
	var head [16]byte
	n, err := r.ReadAt(head[:], 0)
	if n < len(crxMagic) || string(head[:len(crxMagic)]) != crxMagic {
		if err != nil && !errors.Is(err, io.EOF) {
			return 0, 0, err
		}
		return 0, Zip, nil
	}
	u32 := func(i int) (int64, bool) {
		if n < i+4 {
			return 0, false
		}
		return int64(binary.LittleEndian.Uint32(head[i:])), true
	}
	version, ok := u32(4)
	if !ok {
		return 0, 0, fmt.Errorf("%w: it ends within its version", errCRXHeader)
	}
	var off int64
	var format Format
	switch version {
	case 3:
		hdr, ok := u32(8)
		if !ok {
			return 0, 0, fmt.Errorf("%w: it ends within its header size", errCRXHeader)
		}
		off, format = 12+hdr, CRX3
	case 2:
		key, ok1 := u32(8)
		sig, ok2 := u32(12)
		switch {
		case !ok1 || !ok2:
			return 0, 0, fmt.Errorf("%w: it ends within its key and signature sizes", errCRXHeader)
		case key > maxCRX2Key || sig > maxCRX2Signature:
			return 0, 0, fmt.Errorf("%w: its key or signature size is larger than Chrome accepts", errCRXHeader)
		}
		off, format = 16+key+sig, CRX2
	default:
		return 0, 0, fmt.Errorf("%w: its version is %d, and Chrome reads only versions 2 and 3", errCRXHeader, version)
	}
	if off > size {
		return 0, 0, fmt.Errorf("%w: its %s header says it is %d bytes long, longer than the file (%d bytes)", errCRXHeader, format, off, size)
	}
	return off, format, nil
}
