# The two commands of README.md: `make chat` and `make test`. Each first makes sure the C
# libraries coach needs are installed (GNU readline; tmux for the terminal tests).
SWIFT ?= swift

.PHONY: chat test build release transcripts eval bench deps

chat: deps release
	@.build/release/coach

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

build: deps
	$(SWIFT) build

release: deps
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
