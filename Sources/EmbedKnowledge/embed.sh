#!/bin/sh
# embed.sh KNOWLEDGE_DIR OUTPUT_FILE
# Writes OUTPUT_FILE, a Swift file holding every .yaml file under KNOWLEDGE_DIR as a
# (relative path, base64 text) pair. Base64 keeps any byte of a file safe inside a Swift literal.
set -eu
src=$1
target=$2
mkdir -p "$(dirname "$target")"
tmp="$target.tmp.$$"
{
    echo "// Generated from Knowledge/ by the EmbedKnowledge plugin: do not edit."
    echo "let embeddedKnowledgeFiles: [(path: String, base64: String)] = ["
    (cd "$src" && find . -type f -name '*.yaml' | LC_ALL=C sort) | while IFS= read -r file; do
        rel=${file#./}
        case "$rel" in
            *[!A-Za-z0-9._/-]*) echo "warning: Knowledge/$rel skipped: use only letters, digits, '.', '_', '-' in names" >&2 ;;
            *) printf '    ("%s", "%s"),\n' "$rel" "$(base64 -w0 "$src/$rel")" ;;
        esac
    done
    echo "]"
} >"$tmp"
mv "$tmp" "$target"
