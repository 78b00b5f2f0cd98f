#!/bin/sh
# Blurs the faces in the uploaded image, then hands it to the next step through the shared bucket.
name=$(basename "$INPUT_FILE_PATH")
python3 /opt/blurry-faces/src/auto.py --input_image "$INPUT_FILE_PATH" --output_image "$TMP_OUTPUT_DIR/$name"
