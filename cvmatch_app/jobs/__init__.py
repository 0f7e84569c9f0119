"""Running queued CVs: in process by default, worker processes over Redis when scaled out."""
