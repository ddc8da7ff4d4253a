// The built-in knowledge: the bytes of a snapshot of the coach trained from Knowledge/, written
// into snapshot.c by `make snapshot` (Sources/SnapshotTool). Plain bytes in the binary's
// read-only data, so reading them at start costs no decoding.
#ifndef CCOACHKNOWLEDGE_H
#define CCOACHKNOWLEDGE_H

/// The first byte of the snapshot.
const unsigned char *coach_snapshot_bytes(void);
/// How many bytes it has.
unsigned long coach_snapshot_size(void);

#endif
