#!/bin/sh
# Runs the detector on the uploaded image, writing its annotated copy to the output bucket.
name=$(basename "$INPUT_FILE_PATH")
python3 /opt/detector/detect.py --input "$INPUT_FILE_PATH" --output "$TMP_OUTPUT_DIR/$name"
