#!/bin/sh
# Classifies the plant in the image sent to POST /run/plants (the body arrives as INPUT_FILE_PATH).
deepaas-cli --deepaas_method_output="$TMP_OUTPUT_DIR/prediction.json" predict --files "$INPUT_FILE_PATH"
cat "$TMP_OUTPUT_DIR/prediction.json"
