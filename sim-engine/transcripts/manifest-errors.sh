# Reading manifests: missing paths, directories, stdin, YAML and JSON syntax errors, validation.
kubectl apply -f nothere.yaml
kubectl apply -f nothere.yaml -f alsonot.json
kubectl create -f ./missing/
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   labels: x\n' > indent.yaml
kubectl apply -f indent.yaml
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    app: a\n  spec: x\n bad: y\n' > dedent.yaml
kubectl apply -f dedent.yaml
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: a\n' > tabs.yaml
kubectl apply -f tabs.yaml
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a: b\n' > colon.yaml
kubectl apply -f colon.yaml
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "a\n' > quote.yaml
kubectl apply -f quote.yaml
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels: [a, b\n' > flow.yaml
kubectl create -f flow.yaml
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n' > dup.yaml
kubectl apply -f dup.yaml
printf 'kind: Pod\nmetadata:\n  name: a\n' > noversion.yaml
kubectl apply -f noversion.yaml
printf 'apiVersion: v1\nmetadata:\n  name: a\n' > nokind.yaml
kubectl apply -f nokind.yaml
kubectl apply -f nokind.yaml --validate=false
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: v\n  labels:\n    version: 1.0\nspec:\n  containers:\n  - name: c\n    image: nginx\n' > labels.yaml
kubectl apply -f labels.yaml
sed -i 's/1.0/"1.0"/' labels.yaml
kubectl apply -f labels.yaml
printf '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j"},}\n' > trailing.json
kubectl apply -f trailing.json
printf '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "j"}' > cut.json
kubectl apply -f cut.json
printf 'apiVersion: apps/v1\nkind: Deploymnt\nmetadata:\n  name: web\n' > typo-kind.yaml
kubectl apply -f typo-kind.yaml
printf 'apiVersion: apps/v2\nkind: Deployment\nmetadata:\n  name: web\n' > typo-version.yaml
kubectl create -f typo-version.yaml
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n' > cm.yaml
kubectl apply -f cm.yaml
printf -- '- a\n- b\n' > list.yaml
kubectl apply -f list.yaml
printf 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: from-list\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: listed\n  spec:\n    ports:\n    - port: 80\n' > items.yaml
kubectl apply -f items.yaml
printf -- '---\n# only a comment\n---\n' > empty.yaml
kubectl apply -f empty.yaml
mkdir manifests
printf 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: b-ns\n' > manifests/b.yaml
printf '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a-ns"}}\n' > manifests/a.json
printf 'not: [a manifest\n' > manifests/notes.txt
mkdir manifests/nested
printf 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: c-ns\n' > manifests/nested/c.yml
kubectl apply -f manifests
kubectl apply -f manifests -R --dry-run=client
kubectl delete -f manifests/
printf 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: piped\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports:\n    - containerPort: 80\n      protocol: tcp\n' | kubectl apply -f -
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: q\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      limits:\n        cpu: lots\n' | kubectl create -f -
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: q\nspec:\n  containers:\n  - name: c\n    image: nginx\n  restartPolicy: true\n' | kubectl create -f -
printf 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: 80\n' | kubectl apply -f -
kubectl apply -f - < cm.yaml
kubectl apply -f
kubectl apply -f indent.yaml -f cm.yaml -f typo-kind.yaml
