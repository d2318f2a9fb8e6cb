# Init containers run one at a time, to completion, before the app containers:
# Init:0/2 → Init:1/2 → PodInitializing → Running; a failing one gives Init:Error
# (restartPolicy Never: the pod fails) or Init:CrashLoopBackOff (it is retried).
cat > init.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: fetch
    image: busybox:1.36
    command: ['sh', '-c', 'echo fetching; sleep 3']
  - name: migrate
    image: busybox:1.36
    command: ['sh', '-c', 'echo migrating; sleep 2']
  containers:
  - name: web
    image: nginx:1.25
YAML
kubectl apply -f init.yaml
sleep 2
kubectl get pods
sleep 3
kubectl get pods
sleep 2
kubectl get pods
sleep 3
kubectl get pods
kubectl logs web -c migrate
kubectl describe pod web
cat > broken.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: once
spec:
  restartPolicy: Never
  initContainers:
  - name: check
    image: busybox:1.36
    command: ['sh', '-c', 'echo database unreachable; exit 1']
  containers:
  - name: app
    image: nginx:1.25
---
apiVersion: v1
kind: Pod
metadata:
  name: retry
spec:
  initContainers:
  - name: check
    image: busybox:1.36
    command: ['sh', '-c', 'exit 1']
  containers:
  - name: app
    image: nginx:1.25
YAML
kubectl apply -f broken.yaml
sleep 40
kubectl get pods once retry
kubectl get pod once -o jsonpath='{.status.phase} {.status.conditions[?(@.type=="Initialized")].message}{"\n"}'
kubectl describe pod retry | tail -n 12
cat > dup.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: dup
spec:
  initContainers:
  - name: web
    image: busybox:1.36
    readinessProbe:
      exec:
        command: ['true']
  containers:
  - name: web
    image: nginx:1.25
YAML
kubectl apply -f dup.yaml
