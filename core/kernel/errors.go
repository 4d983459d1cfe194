package kernel

// This package has no error values: every misuse (a slice too short for the
// stated shape, a negative size) is a programming error and panics with a
// message that starts with "kernel:".
