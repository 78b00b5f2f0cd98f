#!/bin/sh
# Marks who wears a mask in the anonymised image.
name=$(basename "$INPUT_FILE_PATH")
python3 /opt/mask-detector/detect.py --image "$INPUT_FILE_PATH" --output "$TMP_OUTPUT_DIR/$name"
