#!/bin/sh
# Writes a grayscale copy of the uploaded image next to the results.
name=$(basename "$INPUT_FILE_PATH")
convert "$INPUT_FILE_PATH" -type Grayscale "$TMP_OUTPUT_DIR/$name"
