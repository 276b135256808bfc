"""Stage 9, the build: stages 7–8 run into a staging folder, the notebooks executed by papermill,
the edition replaced in one rename only when everything succeeded.
"""
