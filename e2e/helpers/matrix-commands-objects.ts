/**
 * Matrix rows that write objects: apply (client- and server-side), create -f, replace, edit,
 * patch, label, annotate, typed create, --dry-run=server, and the errors kubectl prints.
 */
import { command } from './matrix-command.js';
import { jsonpath } from './matrix-context.js';
import { equal, failed, matches, succeeded } from './matrix-check.js';
import { boxPod, colorConfigMap, crashyPod, webDeployment } from './matrix-manifests.js';


export const objectCommands = [
  command('apply -f (client-side)', async (x) => {
    equal('apply new', succeeded('apply', await x.k(['apply', '-f', '-'], { input: webDeployment(2) })), 'deployment.apps/web created');
    equal('apply changed', succeeded('apply', await x.k(['apply', '-f', '-'], { input: webDeployment(2, 'frontend') })), 'deployment.apps/web configured');
    equal('apply unchanged', succeeded('apply', await x.k(['apply', '-f', '-'], { input: webDeployment(2, 'frontend') })), 'deployment.apps/web unchanged');
    const last = JSON.parse(await jsonpath(x, ['deploy', 'web'], '{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}')) as { metadata: { labels: Record<string, string> } };
    equal('last-applied labels', JSON.stringify(last.metadata.labels), '{"app":"web","tier":"frontend"}');
    const pods = await x.file('pods.yaml', `${boxPod}---\n${crashyPod}`);
    equal('apply two pods', succeeded('apply', await x.k(['apply', '-f', pods])), 'pod/box created\npod/crashy created');
  }),

  command('create -f', async (x) => {
    const path = await x.file('made.yaml', colorConfigMap('made', 'blue'));
    equal('create -f', succeeded('create -f', await x.k(['create', '-f', path])), 'configmap/made created');
    const err = failed('create -f again', await x.k(['create', '-f', path]), 1);
    equal('AlreadyExists', err, `Error from server (AlreadyExists): error when creating "${path}": configmaps "made" already exists`);
  }),

  command('replace -f', async (x) => {
    equal('replace', succeeded('replace', await x.k(['replace', '-f', '-'], { input: colorConfigMap('made', 'red') })), 'configmap/made replaced');
    equal('replaced data', await jsonpath(x, ['configmap', 'made'], '{.data.color}'), 'red');
    const err = failed('replace missing', await x.k(['replace', '-f', '-'], { input: colorConfigMap('absent', 'red') }), 1);
    equal('replace missing', err, 'Error from server (NotFound): error when replacing "STDIN": configmaps "absent" not found');
  }),

  command('edit (scripted EDITOR)', async (x) => {
    const editor = await x.file('editor.sh', `#!/bin/sh\nsed -i 's/color: red/color: green/' "$1"\n`, 0o755);
    equal('edit', succeeded('edit', await x.k(['edit', 'configmap', 'made'], { env: { KUBE_EDITOR: editor, EDITOR: editor } })), 'configmap/made edited');
    equal('edited data', await jsonpath(x, ['configmap', 'made'], '{.data.color}'), 'green');
    const noop = await x.file('noop.sh', '#!/bin/sh\ntrue\n', 0o755);
    const r = await x.k(['edit', 'configmap', 'made'], { env: { KUBE_EDITOR: noop, EDITOR: noop } });
    equal('edit unchanged', `${succeeded('edit unchanged', r)}${r.stderr.trim()}`, 'Edit cancelled, no changes made.');
  }),

  command('apply --server-side', async (x) => {
    const cm = colorConfigMap('ssa', 'blue');
    equal('apply --server-side', succeeded('ssa', await x.k(['apply', '--server-side', '-f', '-'], { input: cm })), 'configmap/ssa serverside-applied');
    const managers = await jsonpath(x, ['configmap', 'ssa'], '{.metadata.managedFields[*].manager}');
    equal('field manager', managers, 'kubectl');
    const conflict = failed('conflicting apply', await x.k(['apply', '--server-side', '--field-manager=other', '-f', '-'], { input: colorConfigMap('ssa', 'red') }), 1);
    matches('conflict', conflict, /^error: Apply failed with 1 conflict: conflict with "kubectl": \.data\.color$/m, /^Please review the fields above--they currently have other managers\./m);
    const forced = await x.k(['apply', '--server-side', '--force-conflicts', '--field-manager=other', '-f', '-'], { input: colorConfigMap('ssa', 'red') });
    equal('--force-conflicts', succeeded('force', forced), 'configmap/ssa serverside-applied');
    equal('forced data', await jsonpath(x, ['configmap', 'ssa'], '{.data.color}'), 'red');
  }),

  command('create deployment (typed client)', async (x) => {
    const r = await x.k(['create', 'deployment', 'typed', `--image=busybox:1.36`, '--replicas=1', '--', 'sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"]);
    equal('create deployment', succeeded('create deployment', r), 'deployment.apps/typed created');
    equal('typed command', await jsonpath(x, ['deploy', 'typed'], '{.spec.template.spec.containers[0].command[0]}'), 'sh');
    equal('create configmap', succeeded('create configmap', await x.k(['create', 'configmap', 'lit', '--from-literal=a=b'])), 'configmap/lit created');
    equal('create secret', succeeded('create secret', await x.k(['create', 'secret', 'generic', 'sec', '--from-literal=pw=s3cret'])), 'secret/sec created');
    equal('secret data', await jsonpath(x, ['secret', 'sec'], '{.data.pw}'), Buffer.from('s3cret').toString('base64'));
  }),

  command('--dry-run=server', async (x) => {
    equal('create', succeeded('create', await x.k(['create', 'configmap', 'dry', '--from-literal=a=b', '--dry-run=server'])), 'configmap/dry created (server dry run)');
    equal('apply', succeeded('apply', await x.k(['apply', '--dry-run=server', '-f', '-'], { input: colorConfigMap('dry2', 'x') })), 'configmap/dry2 created (server dry run)');
    equal('label', succeeded('label', await x.k(['label', 'configmap', 'made', 'dry=run', '--dry-run=server'])), 'configmap/made labeled (server dry run)');
    equal('delete', succeeded('delete', await x.k(['delete', 'configmap', 'made', '--dry-run=server'])), 'configmap "made" deleted (server dry run)');
    equal('nothing created', failed('get dry', await x.k(['get', 'configmap', 'dry']), 1), 'Error from server (NotFound): configmaps "dry" not found');
    equal('nothing labelled', await jsonpath(x, ['configmap', 'made'], '{.metadata.labels}'), '');
  }),

  command('errors (NotFound, Invalid, unknown field)', async (x) => {
    equal('get pod nope', failed('get', await x.k(['get', 'pod', 'nope']), 1), 'Error from server (NotFound): pods "nope" not found');
    equal('get deploy nope', failed('get', await x.k(['get', 'deployment', 'nope']), 1), 'Error from server (NotFound): deployments.apps "nope" not found');
    equal('exec nope', failed('exec', await x.k(['exec', 'nope', '--', 'true']), 1), 'Error from server (NotFound): pods "nope" not found');
    equal('unknown type', failed('get', await x.k(['get', 'nosuchthings']), 1), 'error: the server doesn\'t have a resource type "nosuchthings"');
    const invalid = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: main\n';
    equal('422 Invalid', failed('create invalid', await x.k(['create', '-f', '-'], { input: invalid }), 1), 'The Pod "bad" is invalid: spec.containers[0].image: Required value');
    const unknown = `${invalid}    image: busybox:1.36\n    imagex: typo\n`;
    equal('strict decoding', failed('apply unknown field', await x.k(['apply', '-f', '-'], { input: unknown }), 1), 'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagex"');
  }),

  command('label', async (x) => {
    equal('label', succeeded('label', await x.k(['label', 'configmap', 'made', 'env=prod'])), 'configmap/made labeled');
    const err = failed('label without --overwrite', await x.k(['label', 'configmap', 'made', 'env=dev']), 1);
    equal('label without --overwrite', err, "error: 'env' already has a value (prod), and --overwrite is false");
    equal('--overwrite', succeeded('label', await x.k(['label', 'configmap', 'made', 'env=dev', '--overwrite'])), 'configmap/made labeled');
    equal('remove', succeeded('label', await x.k(['label', 'configmap', 'made', 'env-'])), 'configmap/made unlabeled');
    equal('labels', await jsonpath(x, ['configmap', 'made'], '{.metadata.labels}'), '');
  }),

  command('annotate', async (x) => {
    // kubectl 1.27 prints the verb, later versions the past tense.
    const annotated = x.version === '1.27' ? 'configmap/made annotate' : 'configmap/made annotated';
    equal('annotate', succeeded('annotate', await x.k(['annotate', 'configmap', 'made', 'owner=team-a'])), annotated);
    equal('annotation', await jsonpath(x, ['configmap', 'made'], '{.metadata.annotations.owner}'), 'team-a');
    equal('remove', succeeded('annotate', await x.k(['annotate', 'configmap', 'made', 'owner-'])), annotated);
    equal('annotations', await jsonpath(x, ['configmap', 'made'], '{.metadata.annotations}'), '');
  }),

  command('patch (merge|json|strategic)', async (x) => {
    equal('merge', succeeded('patch', await x.k(['patch', 'configmap', 'made', '--type=merge', '-p', '{"data":{"size":"L"}}'])), 'configmap/made patched');
    equal('json', succeeded('patch', await x.k(['patch', 'configmap', 'made', '--type=json', '-p', '[{"op":"replace","path":"/data/size","value":"XL"}]'])), 'configmap/made patched');
    equal('no change', succeeded('patch', await x.k(['patch', 'configmap', 'made', '--type=merge', '-p', '{"data":{"size":"XL"}}'])), 'configmap/made patched (no change)');
    equal('data', await jsonpath(x, ['configmap', 'made'], '{.data.size}'), 'XL');
    const smp = '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"PATCHED","value":"yes"}]}]}}}}';
    equal('strategic', succeeded('patch', await x.k(['patch', 'deployment', 'typed', '-p', smp.replace('"web"', '"busybox"')])), 'deployment.apps/typed patched');
    succeeded('typed rolled out', await x.k(['rollout', 'status', 'deployment/typed', '--timeout=120s']));
    equal('strategic kept the image', await jsonpath(x, ['deploy', 'typed'], '{.spec.template.spec.containers[0].image}/{.spec.template.spec.containers[0].env[0].value}'), 'busybox:1.36/yes');
  }),
];
