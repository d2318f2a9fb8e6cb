# kubectl set env and set resources change the pod template, so each starts a rollout.
kubectl create deployment web --image=nginx --replicas=2
kubectl set env deploy/web MODE=blue LOG_LEVEL=debug
kubectl rollout status deploy/web
kubectl set env deploy/web --list
kubectl set env deploy/web MODE=blue
kubectl set env deploy/web LOG_LEVEL-
kubectl set env deploy/web -e MODE=green --dry-run=client -o jsonpath='{.spec.template.spec.containers[0].env}{"\n"}'
kubectl set env deploy/web 1BAD=x
kubectl set env deploy/web MODE=red -c sidecar
kubectl set env deploy/web MODE=red nginx
kubectl set env deploy/web
kubectl rollout history deploy/web
kubectl set resources deploy/web --requests=cpu=100m,memory=64Mi --limits=memory=128Mi
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].resources}{"\n"}'
kubectl set resources deploy/web --requests=cpu=100m
kubectl set resources deploy/web -c nginx --limits=cpu=500m
kubectl set resources deploy/web
kubectl set resources deploy/web --requests=cpu=lots
kubectl set resources deploy/web --requests=cpu
kubectl set resources deploy/web --limits=cpu=1 -c sidecar
kubectl set resources service/kubernetes --limits=cpu=1
kubectl rollout status deploy/web
kubectl get pods
kubectl exec deploy/web -- printenv MODE
