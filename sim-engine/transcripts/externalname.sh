# ExternalName Services: a DNS alias with no cluster IP, answered by cluster DNS with a CNAME.
kubectl create service externalname db --external-name=db.example.com
kubectl create service externalname web-alias --external-name=web.default.svc.cluster.local --tcp=80:80
kubectl create service externalname bad --external-name=Bad_Name
kubectl create service externalname none
kubectl get svc
kubectl get svc -o wide
kubectl get svc db -o yaml
kubectl describe svc db
kubectl get endpoints
kubectl create deployment web --image=nginx
kubectl expose deployment web --port=80
kubectl run bb --image=busybox -- sleep 3600
sleep 10
kubectl exec bb -- nslookup db
kubectl exec bb -- nslookup db.default.svc.cluster.local
kubectl exec bb -- nslookup web-alias
kubectl exec bb -- wget -qO- web-alias | head -4
kubectl exec bb -- wget -qO- db
kubectl exec bb -- ping -c 1 db
cat <<EOT | kubectl apply -f -
apiVersion: v1
kind: Service
metadata: {name: noname}
spec: {type: ExternalName}
EOT
cat <<EOT | kubectl apply -f -
apiVersion: v1
kind: Service
metadata: {name: withip}
spec: {type: ExternalName, externalName: db.example.com., clusterIP: 10.96.5.5}
EOT
