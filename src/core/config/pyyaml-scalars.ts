/**
 * PyYAML's YAML 1.1 implicit resolver and SafeConstructor for plain scalars (resolver.py,
 * constructor.py), which differ from `yaml`'s YAML 1.1 schema in places: `y`/`n` are strings,
 * `09` and `1e3` are strings (an int needs a valid octal after a leading 0; a float needs a dot
 * and a signed exponent), `1_000` and `1:20` are numbers. Returns the value Polyaxon sees, or
 * undefined for a timestamp (left to `yaml`, whose reading is then compared in tests).
 */
const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

export type PyPlain = { value: string | number | boolean | null } | undefined;

export function pyyamlPlain(source: string): PyPlain {
  // the resolver picks candidates by first character; the regexes already imply it
  if (BOOL.test(source)) return { value: /^(?:yes|true|on)$/i.test(source) };
  if (INT.test(source)) return { value: pyInt(source) };
  if (FLOAT.test(source)) return { value: pyFloat(source) };
  if (NULL.test(source)) return { value: null };
  if (TIMESTAMP.test(source)) return undefined;
  return { value: source };
}

function sexagesimal(digits: string, parse: (s: string) => number): number {
  let value = 0;
  let base = 1;
  for (const part of digits.split(':').reverse()) {
    value += parse(part) * base;
    base *= 60;
  }
  return value;
}

function pyInt(source: string): number {
  let v = source.replace(/_/g, '');
  let sign = 1;
  if (v[0] === '-') sign = -1;
  if (v[0] === '-' || v[0] === '+') v = v.slice(1);
  if (v === '0') return 0;
  if (v.startsWith('0b')) return sign * parseInt(v.slice(2), 2);
  if (v.startsWith('0x')) return sign * parseInt(v.slice(2), 16);
  if (v[0] === '0') return sign * parseInt(v, 8);
  if (v.includes(':')) return sign * sexagesimal(v, (p) => parseInt(p, 10));
  return sign * parseInt(v, 10);
}

function pyFloat(source: string): number {
  let v = source.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (v[0] === '-') sign = -1;
  if (v[0] === '-' || v[0] === '+') v = v.slice(1);
  if (v === '.inf') return sign * Infinity;
  if (v === '.nan') return NaN;
  if (v.includes(':')) return sign * sexagesimal(v, (p) => parseFloat(p));
  return sign * parseFloat(v);
}
