// Row text of who may do what: Roles and ClusterRoles (their rules), bindings (who → which role),
// ServiceAccounts, and Secrets by type and key count: a Secret's values and key names never leave
// the trim.
import { array, record, text, type Json } from './object-fields.ts';
import { cappedNotes, counted, firstOf, parts, selectorText, type Summary } from './listed-text.ts';

/** "get, list, watch pods, services (apps: deployments)", or the URLs of a non-resource rule. */
function ruleText(rule: Json): string {
  const verbs = array(rule['verbs']).map(text).join(', ');
  const urls = array(rule['nonResourceURLs']).map(text);
  if (urls.length > 0) return `${verbs} ${urls.join(', ')}`;
  const groups = array(rule['apiGroups']).map(text).filter((group) => group !== '');
  const resources = array(rule['resources']).map(text).join(', ');
  const names = array(rule['resourceNames']).map(text);
  return `${verbs} ${groups.length === 0 ? resources : `${groups.join(', ')}: ${resources}`}${names.length === 0 ? '' : ` named ${names.join(', ')}`}`;
}

export function roleSummary(object: Json): Summary {
  const rules = array(object['rules']).map(record);
  const aggregation = array(record(object['aggregationRule'])['clusterRoleSelectors']).map(selectorText);
  const detail = parts(counted(rules.length, 'rule'), aggregation.length > 0 ? 'aggregated' : '');
  return { detail, notes: [...cappedNotes(rules.map(ruleText)), ...(aggregation.length === 0 ? [] : [`aggregates roles with ${aggregation.join(' or ')}`])] };
}

/** "User alice", "ServiceAccount team-a/builder" (its namespace only when given). */
function subjectText(subject: Json): string {
  const namespace = text(subject['namespace']);
  return `${text(subject['kind'])} ${namespace === '' ? '' : `${namespace}/`}${text(subject['name'])}`;
}

export function bindingSummary(object: Json): Summary {
  const subjects = array(object['subjects']).map(record).map(subjectText);
  const roleRef = record(object['roleRef']);
  const role = `${text(roleRef['kind'])} ${text(roleRef['name'])}`;
  return { detail: `${subjects.length === 0 ? 'nobody' : firstOf(subjects, 2)} → ${role}`, notes: [`grants ${role} to`, ...cappedNotes(subjects.length === 0 ? ['nobody'] : subjects)] };
}

export function serviceAccountSummary(object: Json): Summary {
  const pullSecrets = array(object['imagePullSecrets']).length;
  const secrets = array(object['secrets']).length;
  const automount = object['automountServiceAccountToken'] === false ? 'no token mounted' : '';
  return {
    detail: parts(automount, pullSecrets === 0 ? '' : counted(pullSecrets, 'pull secret'), secrets === 0 ? '' : counted(secrets, 'secret')),
    notes: [object['automountServiceAccountToken'] === false ? 'pods do not mount its token unless they ask' : 'pods mount its token (the default)'],
  };
}

/** Type and key count only: the keys' names and values stay out of the cache and the tooltip. */
export function secretSummary(object: Json): Summary {
  const keys = new Set([...Object.keys(record(object['data'])), ...Object.keys(record(object['stringData']))]).size;
  const type = text(object['type']) || 'Opaque';
  return { detail: `${type} · ${counted(keys, 'key')}`, notes: [`type ${type}`, `${counted(keys, 'key')} (values are not shown: Describe masks them)`] };
}
