// Decodes FIT files with Garmin's own decoder (@garmin/fitsdk, a devDependency) and prints, per
// file, one JSON line: {file, isFIT, integrity, errors, messages, order}, `order` being the global
// message number of each data message in file order (`messages` groups them by kind). read() never
// throws and returns what it decoded before a failure, so a check must assert both `integrity` and
// an empty `errors`.
//
//   node web/tools/fit-decode.mjs FILE...
import { readFileSync } from 'node:fs';
import { Decoder, Stream } from '@garmin/fitsdk';

if (process.argv.length < 3) {
  console.error('usage: node fit-decode.mjs FILE...');
  process.exit(2);
}

// Raw values (no scale, offset, type names or Dates: FIT's own seconds), so a test compares
// exactly what the writer wrote; bigints (64-bit fields) as numbers, for plain JSON.
function plain(key, value) {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

for (const file of process.argv.slice(2)) {
  const bytes = readFileSync(file);
  const isFIT = Decoder.isFIT(Stream.fromByteArray(bytes));
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  const integrity = decoder.checkIntegrity();
  const order = [];
  const { messages, errors } = decoder.read({
    mesgListener: (mesgNum) => order.push(mesgNum),
    applyScaleAndOffset: false,
    expandSubFields: false,
    expandComponents: false,
    convertTypesToStrings: false,
    convertDateTimesToDates: false,
    includeUnknownData: true,
    mergeHeartRates: false,
  });
  console.log(JSON.stringify({
    file,
    isFIT,
    integrity,
    errors: errors.map((e) => String(e && e.message ? e.message : e)),
    messages,
    order,
  }, plain));
}
