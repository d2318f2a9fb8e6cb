# kubectl apply: created / configured / unchanged in file order, the last-applied annotation,
# three-way merges (fields removed from the manifest are removed), dry runs and delete -f.
cat > web.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
    tier: frontend
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
        env:
        - name: MODE
          value: blue
      - name: sidecar
        image: busybox:1.36
        args: ["sleep", "3600"]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
YAML
kubectl apply -f web.yaml
kubectl apply -f web.yaml
kubectl get deploy web -o jsonpath='{.metadata.annotations.kubectl\.kubernetes\.io/last-applied-configuration}'
# Change the image, drop the tier label and the sidecar container, change an env value.
cat > web.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.26
        ports:
        - containerPort: 80
        env:
        - name: MODE
          value: green
YAML
kubectl apply -f web.yaml --dry-run=server
kubectl apply -f web.yaml
kubectl get deploy web -o jsonpath='{.metadata.labels}{"\n"}{.spec.template.spec.containers[*].name}{"\n"}{.spec.template.spec.containers[0].env}{"\n"}'
# Objects made imperatively have no last-applied annotation: apply warns and adds it.
kubectl create deployment api --image=nginx:1.25
cat > api.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
YAML
kubectl apply -f api.yaml
kubectl apply -f api.yaml
kubectl get deploy api -o jsonpath='{.spec.replicas}{"\n"}'
# Namespaces: the manifest's, -n, and a missing one.
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: staging\nspec:\n  containers:\n  - name: c\n    image: nginx\n' > p.yaml
kubectl apply -f p.yaml
kubectl apply -f p.yaml -n default
kubectl create namespace staging
kubectl apply -f p.yaml
# Dry runs and output formats.
printf 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: qa\n' | kubectl apply -f - --dry-run=client -o yaml
printf 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: qa\n' | kubectl apply -f - -o name
kubectl apply -f api.yaml -f web.yaml --dry-run=client
# Strict field validation, type errors and --validate=warn.
cat > typo.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: typo
spec:
  containers:
  - name: app
    image: nginx
    imagePullPolice: Always
    ports:
    - containerPort: "80"
YAML
kubectl apply -f typo.yaml
sed -i 's/"80"/80/' typo.yaml
kubectl apply -f typo.yaml
kubectl apply -f typo.yaml --validate=warn
kubectl get pod typo -o jsonpath='{.spec.containers[0].imagePullPolicy}{"\n"}'
# delete -f removes what the files name.
kubectl delete -f web.yaml
kubectl delete -f web.yaml
kubectl delete -f web.yaml --ignore-not-found
kubectl apply
