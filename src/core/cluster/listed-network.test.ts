import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingressClassSummary, ingressSummary, networkPolicySummary } from './listed-network.ts';

describe('networking row text', () => {
  it('says which hosts go to which Services, and lists each rule in the tooltip', () => {
    const backend = (name: string, port: number | string) => ({ service: { name, port: typeof port === 'number' ? { number: port } : { name: port } } });
    const summary = ingressSummary({
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['shop.example.com'] }],
        rules: [
          { host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('web', 80) }, { path: '/api', pathType: 'Prefix', backend: backend('api', 'http') }] } },
          { http: { paths: [{ backend: backend('web', 80) }] } },
        ],
      },
      status: { loadBalancer: { ingress: [{ ip: '10.0.0.9' }] } },
    });
    assert.equal(summary.detail, 'shop.example.com, * → web, api');
    assert.deepEqual(summary.notes, ['class nginx', 'shop.example.com/ (Prefix) → web:80', 'shop.example.com/api (Prefix) → api:http', '*/ → web:80', 'TLS for shop.example.com', 'address 10.0.0.9']);
  });

  it('shows an Ingress with only a default backend, and one with nothing', () => {
    assert.equal(ingressSummary({ spec: { defaultBackend: { service: { name: 'fallback', port: { number: 8080 } } } } }).detail, '* → fallback');
    assert.deepEqual(ingressSummary({ spec: { defaultBackend: { service: { name: 'fallback', port: { number: 8080 } } } } }).notes, ['default → fallback:8080']);
    assert.equal(ingressSummary({}).detail, 'no rules');
  });

  it('says which pods a NetworkPolicy selects and in which directions, with each rule\'s peers and ports', () => {
    const summary = networkPolicySummary({
      spec: {
        podSelector: { matchLabels: { app: 'db' } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }, { namespaceSelector: { matchLabels: { team: 'b' } }, podSelector: {} }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 5432 }] }],
      },
    });
    assert.equal(summary.detail, 'pods app=db · Ingress, Egress');
    assert.deepEqual(summary.notes, ['ingress 1: from app=api, namespaces team=b / all pods, 10.0.0.0/8 except 10.1.0.0/16 · ports TCP/5432', 'denies all egress']);
  });

  it('reads a policy without policyTypes as Ingress (and Egress when it has egress rules)', () => {
    assert.equal(networkPolicySummary({ spec: { podSelector: {} } }).detail, 'all pods · Ingress');
    assert.deepEqual(networkPolicySummary({ spec: { podSelector: {} } }).notes, ['denies all ingress']);
    const egress = networkPolicySummary({ spec: { podSelector: {}, egress: [{ ports: [{ protocol: 'UDP', port: 53 }] }] } });
    assert.equal(egress.detail, 'all pods · Ingress, Egress');
    assert.deepEqual(egress.notes, ['denies all ingress', 'egress 1: to anywhere · ports UDP/53']);
  });

  it('shows an IngressClass\'s controller and whether it is the default', () => {
    const summary = ingressClassSummary({ metadata: { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: { controller: 'k8s.io/ingress-nginx' } });
    assert.equal(summary.detail, 'default · k8s.io/ingress-nginx');
    assert.equal(ingressClassSummary({}).notes[0], 'controller not set');
  });
});
