# An interactive shell inside a container: lines go to the container until exit.
kubectl run box --image=busybox -- sleep 3600
kubectl run web --image=nginx
sleep 10
kubectl exec -it box -- sh
hostname
cd /etc
cat hostname
ls /nope
nslookup kubernetes
ip a | head
exit 3
echo $?
kubectl exec -it web -- bash
cd
pwd
ls /usr/share/nginx/html
exit
kubectl exec -it web -c web -- sh
echo $HOSTNAME
exit
kubectl exec -it box -- bash
kubectl exec -it box -c nope -- sh
kubectl exec -i box -- sh
echo no prompt without -t
exit
kubectl run tmp --rm -it --image=busybox -- sh
wget -qO- http://10.244.3.2 | head -1
wget -qO- http://10.244.3.2
exit
kubectl run once --rm -it --restart=Never --image=busybox
echo $HOSTNAME
exit
kubectl get pods
kubectl run web2 -it --image=nginx
kubectl run t -t --image=busybox
