# A looping client pod: its log shows which replica answered each request (load balancing).
kubectl create deployment hello --image=wheelhouse/hello:v2 --replicas=3
kubectl expose deployment hello --port=80 --target-port=8080
kubectl run client --image=busybox:1.36 -- sh -c 'while true; do wget -qO- http://hello; sleep 2; done'
sleep 15
kubectl logs client --tail=6
kubectl logs client --tail=2 --timestamps
kubectl run counter --image=busybox:1.36 --restart=Never -- sh -c 'for i in 1 2 3; do echo "$(date) $(hostname) tick $i"; sleep 1; done; echo bye >&2; exit 3'
sleep 6
kubectl get pod counter
kubectl logs counter
kubectl run broken --image=busybox:1.36 --restart=Never -- sh -c 'curl http://hello || echo "no curl here: $?"; true && false; exit $?'
sleep 3
kubectl logs broken
kubectl get pod broken
