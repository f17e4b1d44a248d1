// The oracle for JSON text: reads a JSON array of JSON texts on stdin-file argv[2] and prints
// a JSON array of JSON.stringify(JSON.parse(text)) for each.
'use strict';
const fs = require('fs');
const texts = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
process.stdout.write(JSON.stringify(texts.map((t) => JSON.stringify(JSON.parse(t)))));
