# label and annotate refuse to change an existing key without --overwrite; kubernetes.io/change-cause is the one annotation kubectl always lets through.
kubectl create deployment web --image=nginx
kubectl annotate deploy web team=blue
kubectl annotate deploy web team=green
echo $?
kubectl annotate deploy web team=green owner=ops
kubectl annotate deploy web team=blue owner=ops
kubectl annotate deploy web team=green --overwrite
kubectl annotate deploy web kubernetes.io/change-cause=first
kubectl annotate deploy web kubernetes.io/change-cause=second
kubectl get deploy web -o jsonpath='{.metadata.annotations}{"\n"}'
kubectl label deploy web app=other
echo $?
kubectl label deploy web tier=a
kubectl label deploy web tier=b app=x
kubectl label deploy web tier=a
kubectl label deploy web tier=b --overwrite
kubectl annotate deploy web team=red --dry-run=client
kubectl annotate deploy web team=red --dry-run=server
