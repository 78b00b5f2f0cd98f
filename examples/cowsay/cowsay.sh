#!/bin/sh
# Reads {"message": "..."} from the input file and prints it through cowsay.
if [ "$INPUT_TYPE" = "json" ]; then
  jq -r '.message' "$INPUT_FILE_PATH" | /usr/games/cowsay
else
  /usr/games/cowsay < "$INPUT_FILE_PATH"
fi
