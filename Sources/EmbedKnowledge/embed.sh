#!/bin/sh
# embed.sh KNOWLEDGE_DIR OUTPUT_DIR
# Writes OUTPUT_DIR/EmbeddedKnowledgeFiles.swift: every .yaml file under KNOWLEDGE_DIR as a
# (relative path, base64 text) pair. Base64 keeps any byte of a file safe inside a Swift literal.
# The output is replaced only when it changes, so unchanged knowledge never triggers a rebuild.
set -eu
src=$1
out=$2
mkdir -p "$out"
target="$out/EmbeddedKnowledgeFiles.swift"
tmp="$out/.EmbeddedKnowledgeFiles.swift.tmp"
{
    echo "// Generated from Knowledge/ by the EmbedKnowledge plugin: do not edit."
    echo "let embeddedKnowledgeFiles: [(path: String, base64: String)] = ["
    (cd "$src" && find . -type f -name '*.yaml' | LC_ALL=C sort) | while IFS= read -r file; do
        rel=${file#./}
        case "$rel" in
            *[!A-Za-z0-9._/-]*) echo "#warning(\"Knowledge/$rel skipped: use only letters, digits, '.', '_', '-' in names\")" >&2 ;;
            *) printf '    ("%s", "%s"),\n' "$rel" "$(base64 -w0 "$src/$rel")" ;;
        esac
    done
    echo "]"
} >"$tmp"
if cmp -s "$tmp" "$target"; then rm -f "$tmp"; else mv "$tmp" "$target"; fi
