// The system's SQLite (Debian: libsqlite3-dev, which .ci/deps installs), for the training log.
// Only CoachLog imports this; Swift never sees SQLite anywhere else.
#include <sqlite3.h>
