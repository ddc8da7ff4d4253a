# The two commands of README.md: `make chat` and `make test`. Each first makes sure the C
# libraries coach needs are installed (GNU readline; tmux for the terminal tests).
SWIFT ?= swift

.PHONY: chat test build release transcripts eval bench deps snapshot install uninstall

chat: deps snapshot release
	@.build/release/coach

# Quiet on success (a line of totals); every failure is printed in full. The tests are Swift
# Testing's: XCTest would only add an empty run.
test: deps snapshot
	$(SWIFT) build --build-tests -q
	$(SWIFT) test --skip-build --disable-xctest -q

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

# Puts coach on the PATH: $(PREFIX)/bin/coach, with completion scripts for bash, zsh and fish.
# PREFIX=$$HOME/.local by default (no root needed); PREFIX=/usr/local as root.
PREFIX ?= $(HOME)/.local
install: release
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/bash-completion/completions" \
		"$(PREFIX)/share/zsh/site-functions" "$(PREFIX)/share/fish/vendor_completions.d"
	install -m 0755 .build/release/coach "$(PREFIX)/bin/coach"
	"$(PREFIX)/bin/coach" --generate-completion-script bash > "$(PREFIX)/share/bash-completion/completions/coach"
	"$(PREFIX)/bin/coach" --generate-completion-script zsh > "$(PREFIX)/share/zsh/site-functions/_coach"
	"$(PREFIX)/bin/coach" --generate-completion-script fish > "$(PREFIX)/share/fish/vendor_completions.d/coach.fish"
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) echo "Installed: $(PREFIX)/bin/coach" ;; \
		*) echo "Installed: $(PREFIX)/bin/coach. $(PREFIX)/bin is not on your PATH; add it with:"; \
		   echo "    echo 'export PATH=\"$(PREFIX)/bin:\$$PATH\"' >> ~/.bashrc && . ~/.bashrc" ;; esac

uninstall:
	rm -f "$(PREFIX)/bin/coach" "$(PREFIX)/share/bash-completion/completions/coach" \
		"$(PREFIX)/share/zsh/site-functions/_coach" "$(PREFIX)/share/fish/vendor_completions.d/coach.fish"

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
