# Reading container logs and running commands inside containers.
kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl expose deployment web --port=80
kubectl run client --image=busybox:1.36 -- sleep 3600
kubectl logs client
sleep 10
kubectl logs deployment/web
kubectl logs -l app=web --prefix --tail=1
kubectl exec client -- wget -qO- web
kubectl exec client -- nslookup web
kubectl exec client -- cat /etc/resolv.conf
kubectl exec client -- hostname
kubectl exec client -- sh -c 'echo $HOSTNAME; ls /nope'
kubectl exec client -- curl web
kubectl exec client -it -- sh
kubectl exec client
kubectl exec client ls
kubectl logs deployment/web --tail=1
kubectl logs client -p
kubectl logs nope
kubectl run crasher --image=busybox:1.36 -- sh -c 'echo starting; sleep 1; exit 1'
sleep 20
kubectl get pod crasher
kubectl logs crasher --previous
kubectl run broken --image=nginx:doesnotexist
sleep 5
kubectl logs broken
timeout 5 kubectl logs -f client
