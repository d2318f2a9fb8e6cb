# label, annotate, scale, set image, expose and edit on live objects.
kubectl create deployment web --image=nginx:1.25 --replicas=2 --port=80
kubectl run solo --image=nginx --labels=app=solo,tier=fe --port=8080
kubectl label pod solo env=prod
kubectl label pod solo env=staging
kubectl label pod solo env=staging --overwrite
kubectl label pod solo env=staging
kubectl label pod solo env-
kubectl label pod solo env-
kubectl label pod solo app=x tier=y
kubectl label pod solo 'owner=Jane Doe'
kubectl label pod solo a=b c
kubectl label deploy web team=shop --dry-run=client
kubectl label deploy web team=shop -o yaml --dry-run=server | grep -A3 '^  labels'
kubectl label pods -l app=solo checked=yes
kubectl label pod solo --list
kubectl label
kubectl label pod solo
kubectl label pod nope x=y
kubectl annotate deploy web owner=team-a
kubectl annotate deploy web owner=team-b
kubectl annotate deploy web owner=team-b --overwrite
kubectl annotate deploy web owner-
kubectl annotate deploy web owner=x owner-
kubectl annotate deploy web bad
kubectl scale deploy web --replicas=4
kubectl get deploy web -o jsonpath='{.spec.replicas}{"\n"}'
kubectl scale deploy web --replicas=3 --current-replicas=2
kubectl scale deploy web --replicas=3 --current-replicas=4
kubectl scale deployment/web --replicas=2 --dry-run=client
kubectl scale deploy nope --replicas=1
kubectl scale deploy web
kubectl scale deploy web --replicas=-1
kubectl scale --replicas=1
kubectl scale pod solo --replicas=2
kubectl set image deployment/web nginx=nginx:1.26
kubectl set image deployment/web nginx=nginx:1.26
kubectl set image deployment/web sidecar=busybox
kubectl set image deploy web '*=nginx:1.27'
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[*].image}{"\n"}'
kubectl set image pod/solo solo=nginx:1.27 --dry-run=client -o jsonpath='{.spec.containers[0].image}{"\n"}'
kubectl set image deployment/web
kubectl set image deployment/nope a=b
kubectl set resources deployment/web --limits=cpu=200m
kubectl set
kubectl expose deployment web
kubectl expose deployment web
kubectl expose deployment web --name=web-np --type=NodePort --port=8080 --target-port=80
kubectl expose pod solo --name=solo-svc
kubectl expose pod solo --name=solo-udp --port=53 --protocol=UDP --dry-run=client -o yaml
kubectl expose svc web --name=web-copy --dry-run=client -o json
kubectl run noport --image=busybox -- sleep 3600
kubectl expose pod noport
kubectl expose node control-plane --port=80
kubectl expose
kubectl get svc
kubectl edit deployment web
kubectl edit
