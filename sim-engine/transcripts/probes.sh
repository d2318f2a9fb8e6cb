# Readiness failing and recovering, liveness restarts, a startup probe, and probe validation.
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: frontend
  labels:
    app: frontend
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    readinessProbe:
      exec:
        command: ["wget", "-q", "-T", "1", "-O-", "http://hello:8080/healthz"]
      periodSeconds: 5
YAML
sleep 12
kubectl get pods frontend
kubectl create deployment hello --image=wheelhouse/hello:v1
kubectl expose deployment hello --port=8080
sleep 10
kubectl get pods frontend
kubectl describe pod frontend | grep -A3 -E '^    Ready|Readiness'
kubectl get events --field-selector involvedObject.name=frontend,reason=Unhealthy
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    livenessProbe:
      httpGet:
        path: /healthz
        port: 80
      periodSeconds: 5
YAML
sleep 40
kubectl get pods web
kubectl describe pod web
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: slow
spec:
  containers:
  - name: app
    image: wheelhouse/hello:v1
    ports:
    - name: http
      containerPort: 8080
    startupProbe:
      tcpSocket:
        port: http
      initialDelaySeconds: 10
    readinessProbe:
      httpGet:
        path: /
        port: http
YAML
sleep 5
kubectl get pod slow -o jsonpath='{.status.containerStatuses[0].started} {.status.containerStatuses[0].ready}{"\n"}'
sleep 10
kubectl get pod slow -o jsonpath='{.status.containerStatuses[0].started} {.status.containerStatuses[0].ready}{"\n"}'
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  containers:
  - name: bad
    image: nginx
    livenessProbe:
      successThreshold: 2
      tcpSocket:
        port: 80
    readinessProbe:
      periodSeconds: -1
YAML
kubectl logs web --tail=2
