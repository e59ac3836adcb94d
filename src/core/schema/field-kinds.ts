import { EMAIL_PATTERN, NAME_PATTERN } from './coercions.js';
import type { Field, FieldType } from './types.js';

/** Short constructors so the model files read like the pydantic classes they follow. */
export const bool: Field = { type: { kind: 'bool' } };
export const strictStr: Field = { type: { kind: 'strictStr' } };
export const str: Field = { type: { kind: 'str' } };
export const strictInt: Field = { type: { kind: 'strictInt' } };
export const map: Field = { type: { kind: 'map' } };
export const stringMap: Field = { type: { kind: 'stringMap' } };
export const k8s = (object: string): Field => ({ type: { kind: 'k8s', object } });
export const k8sList = (object: string): Field => ({ type: { kind: 'list', items: { kind: 'k8s', object } } });
export const listOf = (items: FieldType): Field => ({ type: { kind: 'list', items } });
export const model = (ref: string): Field => ({ type: { kind: 'model', ref } });
export const enumOf = (name: string, values: readonly string[]): Field => ({ type: { kind: 'enum', name, values } });
export const orRef = (of: FieldType): Field => ({ type: { kind: 'orRef', of } });
export const required = (f: Field): Field => ({ ...f, required: true });
export const py = (python: string, f: Field): Field => ({ ...f, python });

export const STRICT_STR: FieldType = { kind: 'strictStr' };
export const STR: FieldType = { kind: 'str' };
export const MAP: FieldType = { kind: 'map' };
export const NAME: FieldType = { kind: 'str', pattern: NAME_PATTERN, patternName: 'a name (letters, digits, - and _)' };
export const EMAIL: FieldType = { kind: 'str', pattern: EMAIL_PATTERN, patternName: 'an email address' };

/** polyaxon._containers.pull_policy.PullPolicy (the Kubernetes image pull policies). */
export const PULL_POLICY = enumOf('PullPolicy', ['Always', 'IfNotPresent', 'Never']);
