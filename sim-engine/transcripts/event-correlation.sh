# Events as client-go's correlator shapes them: many similar messages combine, and a flood about one object is rationed.
kubectl create deployment web --image=nginx:1.25 --replicas=12
sleep 20
kubectl get events --field-selector reason=SuccessfulCreate | tail -4
kubectl run crasher --image=busybox:1.36 -- sh -c 'exit 1'
sleep 1200
kubectl get events --field-selector involvedObject.name=crasher,reason=BackOff
kubectl describe pod crasher | tail -4
kubectl get pod crasher
