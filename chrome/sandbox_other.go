//go:build !linux

package chrome

// sandboxProblem says why the browser cannot run its sandbox here, or "":
// outside Linux it always can.
func sandboxProblem(string) string { return "" }
