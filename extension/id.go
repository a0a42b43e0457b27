package extension

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"
)

// IDFromKey returns the extension ID Chrome derives from the manifest's
// "key", the base64 of the extension's public key: the first 128 bits of the
// key's SHA-256, each hex digit written as a letter from "a" (0) to "p" (15)
// (crx_file::id_util::GenerateId).
func IDFromKey(key string) (string, error) {
	der, err := base64.StdEncoding.DecodeString(strings.TrimSpace(key))
	if err != nil {
		return "", err
	}
	if len(der) == 0 {
		return "", errors.New("the key is empty")
	}
	sum := sha256.Sum256(der)
	var b strings.Builder
	for _, c := range sum[:16] {
		b.WriteByte('a' + c>>4)
		b.WriteByte('a' + c&0xf)
	}
	return b.String(), nil
}
