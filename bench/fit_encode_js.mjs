// The peer of pelo_bench's BM_FitEncode3h: the same 3-hour ride's 10,800 records (same channels,
// values and developer field) written by Garmin's own JavaScript encoder (@garmin/fitsdk's
// Encoder, the test package in web/), timed per file. Scaled values are given as the profile's
// units (the encoder scales them), as that encoder is meant to be used.
//
// With --from FILE (bench/fit_vs_js.sh: pelo's FitFile of a workout), the encoder writes the
// messages of that file instead: every message decoded once, untimed, by Garmin's decoder (scaled
// values, dates, enum names, developer fields), then handed to the encoder in the file's order
// and the whole file written, timed per file. The copy is decoded again and must hold the same
// messages.
//
//   node bench/fit_encode_js.mjs [--runs 5] [--gps]
//   node bench/fit_encode_js.mjs --from FILE [--runs 5]
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { Decoder, Encoder, Profile, Stream } = await import(
  pathToFileURL(join(root, 'web/node_modules/@garmin/fitsdk/src/index.js')).href);

const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const gps = args.includes('--gps');
const from = args.includes('--from') ? args[args.indexOf('--from') + 1] : null;
const SECONDS = 3 * 3600;
const start = new Date(1780000000 * 1000);

function encode() {
  const developerDataIdMesg = { developerDataIndex: 0, applicationId: Array(16).fill(0),
    applicationVersion: 1 };
  const fieldDescriptionMesg = { developerDataIndex: 0, fieldDefinitionNumber: 0,
    fitBaseTypeId: 2, fieldName: 'resistance', units: 'percent' };
  const encoder = new Encoder({ fieldDescriptions: { 0: { developerDataIdMesg,
    fieldDescriptionMesg } } });
  encoder.onMesg(Profile.MesgNum.DEVELOPER_DATA_ID, developerDataIdMesg);
  encoder.onMesg(Profile.MesgNum.FIELD_DESCRIPTION, fieldDescriptionMesg);
  for (let t = 0; t < SECONDS; ++t) {
    const mesg = {
      timestamp: new Date(start.getTime() + t * 1000),
      heartRate: 120 + t % 51,
      cadence: 80 + t % 23,
      distance: t * 5.4,
      enhancedSpeed: (18 + (t % 61) / 10) / 3.6,
      power: 180 + t % 97,
      enhancedAltitude: 20 + 10 * Math.sin(t / 600),
      developerFields: { 0: 40 + t % 17 },
    };
    if (gps) {
      mesg.positionLat = Math.round((40.7127753 + t * 1.37e-5) * 2 ** 31 / 180);
      mesg.positionLong = Math.round((-74.0059728 + t * 0.91e-5) * 2 ** 31 / 180);
    }
    encoder.onMesg(Profile.MesgNum.RECORD, mesg);
  }
  return encoder.close();
}

// The messages of a FIT file in order, as Garmin's decoder gives them, and its developer fields'
// descriptions as the encoder wants them.
function readMessages(bytes) {
  const messages = [];
  const fieldDescriptions = {};
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  if (!decoder.checkIntegrity()) throw new Error('integrity check failed');
  const { errors } = decoder.read({
    mesgListener: (mesgNum, mesg) => messages.push([mesgNum, mesg]),
    fieldDescriptionListener: (key, developerDataIdMesg, fieldDescriptionMesg) => {
      fieldDescriptions[key] = { developerDataIdMesg, fieldDescriptionMesg };
    },
    expandSubFields: false,
    expandComponents: false,
    mergeHeartRates: false,
  });
  if (errors.length > 0) throw new Error(`decode errors: ${errors}`);
  return { messages, fieldDescriptions };
}

const source = from ? readMessages(readFileSync(from)) : null;

function encodeMessages() {
  const encoder = new Encoder({ fieldDescriptions: source.fieldDescriptions });
  for (const [mesgNum, mesg] of source.messages) encoder.onMesg(mesgNum, mesg);
  return encoder.close();
}

const write = source ? encodeMessages : encode;
if (source) {
  const copy = readMessages(write());
  const same = copy.messages.length === source.messages.length &&
    copy.messages.every((m, i) => JSON.stringify(m) === JSON.stringify(source.messages[i]));
  if (!same) throw new Error(`the encoder's copy of ${from} holds other messages`);
}

const times = [];
let bytes = 0;
write();  // warm-up (JIT)
for (let i = 0; i < runs; ++i) {
  const t0 = process.hrtime.bigint();
  bytes = write().length;
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
const what = source ? `${basename(from)}: ${source.messages.length} messages` : (gps ? 'gps' : 'indoor');
console.log(`fit_encode_js: ${what}, ${bytes} bytes, median ` +
  `${times[Math.floor(times.length / 2)].toFixed(1)} ms of ${runs} (${times.map((t) => t.toFixed(1)).join(' ')})`);
