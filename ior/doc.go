// Package ior decides who should act as importer of record for an
// international shipment and what it costs to land it.
package ior
