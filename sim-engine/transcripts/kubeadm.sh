# scenario: bare-machines.yaml
# Build a three-node cluster with kubeadm on bare machines, then run a pod on it.
# Run by hand: npm run -s ksim -- --echo --scenario sim-engine/transcripts/bare-machines.yaml sim-engine/transcripts/kubeadm.sh
hostname
kubectl get nodes
ssh nodex
ssh control-plane
hostname
kubeadm init
sudo kubeadm init
kubectl get nodes
mkdir -p $HOME/.kube
sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config
sudo chown $(id -u):$(id -g) $HOME/.kube/config
kubectl get nodes
kubectl get pods -n kube-system
sudo kubeadm init
exit
ssh node-1
kubeadm join 172.18.0.2:6443 --token 25luo0.im2f6b80o261ozhr --discovery-token-ca-cert-hash sha256:2d23ee9e5dc460c49c2935b7aa03f9bbf12331485551bbbba8640d84968af3fb
sudo kubeadm join 172.18.0.2:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:2d23ee9e5dc460c49c2935b7aa03f9bbf12331485551bbbba8640d84968af3fb
sudo kubeadm join 172.18.0.2:6443 --token 25luo0.im2f6b80o261ozhr \
	--discovery-token-ca-cert-hash sha256:2d23ee9e5dc460c49c2935b7aa03f9bbf12331485551bbbba8640d84968af3fb
kubectl get nodes
sudo kubeadm join 172.18.0.2:6443 --token 25luo0.im2f6b80o261ozhr --discovery-token-ca-cert-hash sha256:2d23ee9e5dc460c49c2935b7aa03f9bbf12331485551bbbba8640d84968af3fb
exit
ssh control-plane
kubeadm token create --print-join-command
sudo kubeadm token create --print-join-command
exit
ssh node-2
sudo kubeadm join 172.18.0.2:6443 --token wvndoa.oh5p4kc9e7jbnwv8 --discovery-token-ca-cert-hash sha256:2d23ee9e5dc460c49c2935b7aa03f9bbf12331485551bbbba8640d84968af3fb
exit
kubectl get nodes
sleep 10
kubectl get nodes -o wide
kubectl get pods -n kube-system -o wide
kubectl create deployment web --image=nginx --replicas=2
sleep 20
kubectl get pods -o wide
kubeadm reset
