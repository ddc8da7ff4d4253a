# The two commands of README.md: `make chat` and `make test`. Each first makes sure the C
# libraries coach needs are installed (GNU readline; tmux for the terminal tests).
SWIFT ?= swift

.PHONY: chat test build release transcripts eval bench deps snapshot

chat: deps snapshot release
	@.build/release/coach

test: deps snapshot
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

build: deps snapshot
	$(SWIFT) build

release: deps snapshot
	$(SWIFT) build -c release --product coach

# Re-record the golden conversations in Transcripts/ after an intended change; read the diff.
transcripts: deps
	COACH_RECORD_TRANSCRIPTS=1 $(SWIFT) test --filter TranscriptTests
	@git --no-pager diff --stat -- Transcripts

eval: build
	.build/debug/coach eval

# Speed, in numbers: cold start, time per turn (median, p99), memory, growth with 10x and 100x
# the knowledge. Release build, as users run it.
bench: release
	.build/release/coach bench

deps:
	@.ci/deps

# The built-in knowledge: a snapshot of the coach trained from Knowledge/, committed as
# Sources/CCoachKnowledge/snapshot.c so that building coach never builds a tool first.
# Rewritten only when the files of Knowledge/ changed (their hash is in the file); after a
# change to how coach understands, `make snapshot FORCE=1` (the snapshot test says when).
# Hashing is made deterministic for the tool, so that the same knowledge always gives the same
# bytes (dictionaries and sets are written in iteration order) and the file changes only with it.
# NB: after a change to the layout of a type the tool uses, an incremental debug build was seen to
# link a stale tool that crashed (Swift 6.3.1); remove .build/*/debug and run it again.
SNAPSHOT := Sources/CCoachKnowledge/snapshot.c
snapshot:
	@fingerprint=$$(cd Knowledge && find . -type f -name '*.yaml' | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16); \
	if [ -n "$(FORCE)" ] || ! grep -q "^// knowledge $$fingerprint$$" $(SNAPSHOT) 2>/dev/null; then \
		echo "Writing the built-in knowledge snapshot from Knowledge/ ..."; \
		$(SWIFT) build -q --product SnapshotTool && \
		SWIFT_DETERMINISTIC_HASHING=1 $$($(SWIFT) build --show-bin-path)/SnapshotTool Knowledge $(SNAPSHOT) $$fingerprint; \
	fi
