// Checks pelo's FIT numbers against Garmin's own profile (@garmin/fitsdk's profile.js, a
// devDependency): every field of include/pelo/export/fit_profile.h (message, field number, name
// and base type), every enum value there (mesg_num and the `types` namespaces, by name), the
// header's base type bytes and profile version, and every exercise of src/export/fit_exercises.cc
// (category and subtype number against the subtype name in its comment). Prints one line and
// exits 0 when all agree, else lists each disagreement and exits 1.
//
//   node web/tools/fit-profile-check.mjs include/pelo/export/fit_profile.h \
//     src/export/fit_exercises.cc
import { readFileSync } from 'node:fs';
import { Profile } from '@garmin/fitsdk';

const [profileHeader, exercisesSource] = process.argv.slice(2);
if (!profileHeader || !exercisesSource) {
  console.error('usage: node fit-profile-check.mjs fit_profile.h fit_exercises.cc');
  process.exit(2);
}

// snake_case namespace names and kCamelCase constants as the profile's lowerCamelCase names.
const camel = (snake) => snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const constantName = (k) => k[1].toLowerCase() + k.slice(2);

const problems = [];
let checked = 0;
const expect = (ok, what) => {
  ++checked;
  if (!ok) problems.push(what);
};

const messageByName = new Map(Object.values(Profile.messages).map((m) => [m.name, m]));
// The base type byte of each protocol base type name (enum, uint16, ...).
const baseTypeBytes = {
  enum: 0x00, sint8: 0x01, uint8: 0x02, sint16: 0x83, uint16: 0x84, sint32: 0x85, uint32: 0x86,
  string: 0x07, float32: 0x88, float64: 0x89, uint8z: 0x0a, uint16z: 0x8b, uint32z: 0x8c,
  byte: 0x0d, sint64: 0x8e, uint64: 0x8f, uint64z: 0x90,
};

const stack = [];
for (const line of readFileSync(profileHeader, 'utf8').split('\n')) {
  const open = line.match(/^namespace ([\w:]+) \{/);
  if (open) {
    stack.push(open[1]);
    continue;
  }
  if (/^\}\s+\/\/ namespace/.test(line)) {
    stack.pop();
    continue;
  }
  const base = line.match(/^\s+k(\w+) = (0x[0-9A-Fa-f]+),/);
  if (base) {
    const name = base[1].toLowerCase();
    expect(baseTypeBytes[name] === Number(base[2]), `BaseType::k${base[1]} is ${base[2]}`);
    continue;
  }
  const field = line.match(/inline constexpr FieldDef (k\w+)\{(\d+), BaseType::k(\w+)\}/);
  if (field) {
    const mesgName = camel(stack[stack.length - 1]);
    const mesg = messageByName.get(mesgName);
    const f = mesg?.fields[Number(field[2])];
    expect(f != null, `${mesgName}: no field ${field[2]} (${field[1]})`);
    if (f != null) {
      expect(f.name === constantName(field[1]),
        `${mesgName}.${field[1]}: field ${field[2]} is ${f.name}`);
      expect(f.baseType === field[3].toLowerCase(),
        `${mesgName}.${field[1]}: base type ${f.baseType}, not ${field[3]}`);
    }
    continue;
  }
  const value = line.match(/inline constexpr u?int\d+_t (k\w+) = (\d+);/);
  if (value) {
    const scope = stack[stack.length - 1];
    const number = Number(value[2]);
    if (scope === 'mesg_num') {
      expect(Profile.types.mesgNum[number] === constantName(value[1]),
        `mesg_num::${value[1]} = ${number} is ${Profile.types.mesgNum[number]}`);
    } else if (stack.includes('types')) {
      const type = Profile.types[camel(scope)];
      expect(type != null && type[number] === constantName(value[1]),
        `types::${scope}::${value[1]} = ${number} is ${type?.[number]}`);
    } else if (value[1] === 'kProfileVersion') {
      expect(number === Profile.version.major * 1000 + Profile.version.minor,
        `kProfileVersion ${number}, the profile is ${Profile.version.major}.${Profile.version.minor}`);
    }
  }
}

// The exercise table's lines: {"name", {c::kCategory, subtype}},  // subtypeName
let exercises = 0;
const categories = Profile.types.exerciseCategory;
for (const line of readFileSync(exercisesSource, 'utf8').split('\n')) {
  if (!line.includes('{c::k')) continue;
  const m = line.match(/\{"[^"]+", \{c::k(\w+), (\d+)\}\},\s*\/\/ (\w+)/);
  expect(m != null, `exercise line not understood: ${line.trim()}`);
  if (m == null) continue;
  ++exercises;
  const category = m[1][0].toLowerCase() + m[1].slice(1);
  expect(Object.values(categories).includes(category), `no exercise category ${category}`);
  const names = Profile.types[`${category}ExerciseName`];
  expect(names?.[Number(m[2])] === m[3],
    `${category} subtype ${m[2]} is ${names?.[Number(m[2])]}, not ${m[3]}`);
}
expect(exercises > 0, 'no exercises found');

if (problems.length > 0) {
  for (const p of problems) console.log(`fit-profile-check: ${p}`);
  process.exit(1);
}
console.log(`fit-profile-check: ok, ${checked} checks, ${exercises} exercises`);
