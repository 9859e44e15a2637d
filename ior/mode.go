package ior

// Mode is how the goods travel. It matters for fees (the US harbor
// maintenance fee is charged on ocean cargo only) and for low-value regimes
// that differ between post and courier.
type Mode string

// Modes of transport.
const (
	Courier Mode = "courier" // express consignment operator
	Post    Mode = "post"    // postal service
	Air     Mode = "air"     // air cargo (not express)
	Ocean   Mode = "ocean"   // vessel
	Road    Mode = "road"
	Rail    Mode = "rail"
)

// Valid reports whether m is one of the known modes.
func (m Mode) Valid() bool {
	switch m {
	case Courier, Post, Air, Ocean, Road, Rail:
		return true
	}
	return false
}
