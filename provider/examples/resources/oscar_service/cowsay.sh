#!/bin/sh
# Turns the uploaded text into a cow saying it (OSCAR sets INPUT_FILE_PATH and TMP_OUTPUT_DIR).
name=$(basename "$INPUT_FILE_PATH")
/usr/games/cowsay "$MESSAGE_PREFIX: $(cat "$INPUT_FILE_PATH")" > "$TMP_OUTPUT_DIR/$name.txt"
