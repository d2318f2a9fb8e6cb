# Rolling out a new image, watching it, looking back at the history and undoing it.
kubectl create deployment web --image=nginx:1.25 --replicas=3
kubectl rollout status deployment/web
kubectl set image deployment/web nginx=nginx:1.26
kubectl rollout status deployment/web
kubectl get rs
kubectl rollout history deployment/web
kubectl rollout history deployment/web --revision=2
kubectl rollout undo deployment/web
kubectl rollout status deployment/web --watch=false
sleep 10
kubectl rollout history deployment/web
kubectl rollout undo deployment/web --to-revision=3
kubectl rollout undo deployment/web --to-revision=7
kubectl rollout pause deployment/web
kubectl rollout pause deployment/web
kubectl rollout restart deployment/web
kubectl rollout undo deployment/web
kubectl rollout resume deployment/web
kubectl rollout restart deployment/web
kubectl rollout status deployment/web --revision=5
kubectl rollout status deploy/web --timeout=1s
kubectl set image deployment/web nginx=nginx:doesnotexist
kubectl rollout status deployment/web --timeout=20s
kubectl rollout undo deployment/web
kubectl rollout status deployment/web
kubectl rollout status service/kubernetes
kubectl rollout pause service/kubernetes
kubectl rollout stats deployment/web
kubectl rollout status
