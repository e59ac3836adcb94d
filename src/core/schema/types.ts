/**
 * The vocabulary the deployment-config schema is written in. It is data, not code: the lint
 * checker (check-schema.ts) and the JSON Schema generator (to-json-schema.ts) both read it, so the
 * two cannot disagree. Each kind names the pydantic type it stands for, and what pydantic (as the
 * Polyaxon CLI runs it, through `clipped`) accepts for it; see coercions.ts and docs/design.md.
 */
import type { KnownCode } from '../finding-codes.js';
export type FieldType =
  /** `bool` (lax): true/false, plus the 0/1 and strings pydantic converts (coercions.ts). */
  | { kind: 'bool' }
  /** An auth provider's `enabled`: a real boolean only (the okta/auth checks own it, DESIGN §8). */
  | { kind: 'strictBool' }
  /** `StrictStr`: a string and nothing else (no number, no boolean). Optional `pattern`. */
  | { kind: 'strictStr'; pattern?: string; patternName?: string }
  /** `str` / `constr` (lax): a string; pydantic v1 turns a number or boolean into one, v2 refuses. */
  | { kind: 'str'; pattern?: string; patternName?: string }
  /** `StrictInt`: an integer and nothing else (no float, no boolean, no numeric string). */
  | { kind: 'strictInt' }
  /** A str enum / `Literal`: exactly one of these strings. */
  | { kind: 'enum'; name: string; values: readonly string[] }
  /** `Dict` (any keys, any values). */
  | { kind: 'map' }
  /** `Dict[StrictStr, StrictStr]` (nodeSelector, labels, annotations): string values only. */
  | { kind: 'stringMap' }
  /** `List[...]`. */
  | { kind: 'list'; items: FieldType }
  /** A nested model, by name (models are listed in deployment-schema.ts). */
  | { kind: 'model'; ref: string }
  /**
   * A Kubernetes object (resources, affinity, a toleration…). The CLI builds it with the
   * Kubernetes client's models; we check only that it is a mapping.
   */
  | { kind: 'k8s'; object: string }
  /** clipped's `XOrRef`: the value, or a `{{ param }}` reference string (checked as a string). */
  | { kind: 'orRef'; of: FieldType };

export interface Field {
  type: FieldType;
  /** The Python attribute name (the YAML key is the alias, the key of `fields`). */
  python?: string;
  /** Not Optional in the model: the key must be present and not null. */
  required?: boolean;
  /** The CLI refuses a wrong type here but Helm passes the value on untouched: a warning under `--target helm`. */
  helmLenient?: boolean;
}

/**
 * pydantic's `extra` setting: `forbid` (clipped's BaseSchemaModel default: an unknown key fails
 * validation), `allow` (kept), `ignore` (dropped silently).
 */
export type Extra = 'forbid' | 'allow' | 'ignore';

export interface Model {
  /** The Python class. */
  name: string;
  extra: Extra;
  fields: Readonly<Record<string, Field>>;
  /**
   * Checked in lint by check-auth.ts (the auth providers, with okta in depth), not by the schema
   * walker; the JSON Schema still describes it.
   */
  checkedBy?: 'auth';
  /** Only "is it a mapping" is left to check-auth.ts (externalServices: AUTH_NOT_A_MAP). */
  shapeCheckedBy?: 'auth';
}

/** A path of keys from the root of the config. */
export type Path = readonly string[];

/**
 * Conditions of the cross-field rules, on values as pydantic holds them after validation:
 * `present` = not absent and not null (a model instance, even empty, is truthy in Python);
 * `truthy` = present and not false/0/""; `is` = equal to one of `values`.
 */
export type Cond =
  | { present: Path }
  | { truthy: Path }
  | { is: Path; values: readonly (string | number | boolean)[] }
  | { not: Cond }
  | { all: readonly Cond[] }
  | { any: readonly Cond[] };

export interface Rule {
  code: KnownCode;
  /** The function in deployment.py (or the model) that raises it. */
  source: string;
  message: string;
  when: Cond;
  /** Where to report: the first of these paths that exists (a key or its value, see `atKey`). */
  at: readonly Path[];
  /** Report at the key rather than at its value. */
  atKey?: boolean;
}

export interface DeploymentSchema {
  /** The Polyaxon CLI release whose pydantic models this follows. */
  polyaxonVersion: string;
  /** Where the facts come from. */
  source: string;
  root: string;
  models: Readonly<Record<string, Model>>;
  rules: readonly Rule[];
}
